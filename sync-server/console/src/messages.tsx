/** What a failed request says, in the user's language (never the server's own words). */
import type { TranslationKey } from '@pls/shared/i18n';
import { Text } from '@pls/shared/ui';
import type { ApiFailure } from './api';

function failureKey(failure: ApiFailure): TranslationKey {
  switch (failure.code) {
    case 'invalid_form':
      return 'console:error.invalidForm';
    case 'unauthorized':
      return 'console:error.unauthorized';
    case 'forbidden':
      return 'console:error.forbidden';
    case 'csrf_invalid':
      return 'console:error.csrf';
    case 'not_found':
      return 'console:error.notFound';
    case 'conflict':
      return 'console:error.conflict';
    case 'held':
      return 'console:error.held';
    case 'rate_limited':
      return 'console:error.rateLimited';
    case 'network':
      return 'console:error.network';
    case 'bad_request':
      return 'console:error.badRequest';
    case 'internal':
      return 'console:error.internal';
  }
}

export function FailureNotice({ failure }: { failure: ApiFailure | undefined }) {
  if (!failure) return null;
  return (
    <div className="console-alert" role="alert">
      <Text k={failureKey(failure)} />
    </div>
  );
}

/** The field's own problem under it, when the server (or the same schema here) refused it. */
export function FieldProblem({
  issues,
  field,
  hint,
}: {
  issues: readonly { path: string }[];
  field: string;
  /** What the field needs ("at least 10 characters"). */
  hint: TranslationKey;
}) {
  if (!issues.some((i) => i.path === `/${field}`)) return null;
  return (
    <span className="console-field-problem" role="alert">
      <Text k={hint} vertical={false} />
    </span>
  );
}
