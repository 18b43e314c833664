// `--google`: the family signs in to Google in their browser. The consent page's address is
// printed (a terminal cannot open the right browser reliably on every system: the family, or the
// volunteer, opens it where the Google account is signed in), Google sends the browser back to
// a listener on 127.0.0.1, and the session the service keeps is named in the `google` source.
import type { ErrorData, GoogleSession } from '../contract/index.ts';
import type { GoogleProduct } from '../google/google-products.ts';
import type { CliContext } from './cli-command.ts';
import { followJob } from './follow-job.ts';

export async function signInWithGoogle(
  ctx: CliContext,
  clientId: string | null,
  products: readonly GoogleProduct[],
): Promise<{ session: GoogleSession } | { error: ErrorData }> {
  if (clientId !== null) {
    const secret = ctx.env['BALUCHON_GOOGLE_CLIENT_SECRET'];
    const set = await ctx.service.call('setGoogleClient', {
      clientId,
      ...(secret === undefined || secret === '' ? {} : { clientSecret: secret }),
    });
    if (!set.ok) return { error: set.error };
  }
  let shown = false;
  const outcome = await followJob(
    ctx,
    'googleSignIn',
    () => ctx.service.call('startGoogleSignIn', { products: [...products] }),
    {
      onProgress: ({ consentUrl }) => {
        if (consentUrl === null || shown) return;
        shown = true;
        ctx.stderr.write(`${ctx.t('cli:google.openThis')}\n\n  ${consentUrl}\n\n`);
        ctx.stderr.write(`${ctx.t('cli:google.unverified')}\n`);
      },
    },
  );
  if (outcome.type === 'done') {
    ctx.stderr.write(`${ctx.t('cli:google.signedIn', { email: outcome.result.email ?? '?' })}\n`);
    return { session: outcome.result };
  }
  return { error: outcome.error };
}
