/**
 * npm run provision -- --developer-api-key KEY --app-id ID [--base-url URL]
 * Creates the timeline v3 event template the `timeline-v3` channel needs (or finds the one made
 * before) and prints its id, to put in the portal's delivery settings as `eventTemplateId`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { provisionTimelineTemplate } from '../src/hubspot/provision-timeline-template.ts';

const USAGE = 'usage: npm run provision -- --developer-api-key KEY --app-id ID [--base-url https://api.hubapi.com]\n';

export async function runProvision(argv: readonly string[], out: (text: string) => void): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { 'developer-api-key': { type: 'string' }, 'app-id': { type: 'string' }, 'base-url': { type: 'string', default: 'https://api.hubapi.com' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const key = values['developer-api-key'];
  const appId = Number(values['app-id']);
  if (values.help || key === undefined || !Number.isInteger(appId) || appId <= 0) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    const result = await provisionTimelineTemplate({ developerApiKey: key, appId, baseUrl: values['base-url'] });
    out(`${result.created ? 'created' : 'found existing'} timeline event template ${result.eventTemplateId}\n`);
    out(`set it in the portal's delivery settings: { "channel": "timeline-v3", "eventTemplateId": "${result.eventTemplateId}" }\n`);
    return 0;
  } catch (error) {
    out(`provisioning failed: ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runProvision(process.argv.slice(2), (text) => process.stdout.write(text));
}
