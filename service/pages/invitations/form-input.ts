import { SignUpInput } from '#shared/api/auth.js';
import { fieldErrors, humanIssueMessage } from '../../lib/field-errors.js';

/** The page's sign-up fields, checked with the same schema as the API's sign-up (minus what the link gives). */
const PageSignUp = SignUpInput.omit({ email: true, client: true });

const LABELS: Record<string, string> = { firstName: 'First name', lastName: 'Last name', password: 'Password' };

function formText(fields: Record<string, string>, name: string): string {
  return fields[name] ?? '';
}

/** Sign-up input from the page, or the sentence for each field at fault (keyed by the page's input names). */
export function readSignUpForm(
  fields: Record<string, string>,
): { ok: true; input: ReturnType<typeof PageSignUp.parse> } | { ok: false; errors: Record<string, string> } {
  const accepted = formText(fields, 'legalAccepted') === 'yes';
  const parsed = PageSignUp.safeParse(
    {
      firstName: formText(fields, 'firstName'),
      lastName: formText(fields, 'lastName'),
      password: formText(fields, 'password'),
      ageConfirmed: formText(fields, 'ageConfirmed') === 'yes' ? true : false,
      acceptedLegalVersions: accepted
        ? { terms: formText(fields, 'termsVersion'), privacy: formText(fields, 'privacyVersion') }
        : { terms: '', privacy: '' },
    },
    { error: humanIssueMessage },
  );
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Record<string, string> = {};
  // Server-rendered pages are English (the API answers in the request's language).
  for (const { path, message: { en: message } } of fieldErrors(parsed.error)) {
    if (path.startsWith('acceptedLegalVersions')) errors.legalAccepted ??= 'Accept the Terms of Service and the Privacy Policy.';
    else if (path === 'ageConfirmed') errors.ageConfirmed ??= 'Confirm that you are 18 or older.';
    else errors[path] ??= sentence(LABELS[path] ? `${LABELS[path]} ${message}` : message);
  }
  return { ok: false, errors };
}

function sentence(text: string): string {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
