// The sign-in page keeps the rule a card linked to: the fragment (`#rule-<id>`) never reaches the
// server, so it is carried through the OAuth sign-in in `returnTo`, and the page opens at the rule.
const link = document.getElementById('signin-link');
const hash = window.location.hash;
if (link && /^#rule-[a-z0-9][a-z0-9-]{0,63}$/.test(hash)) {
  link.href = `/oauth/login?returnTo=${encodeURIComponent(`/settings${hash}`)}`;
}
