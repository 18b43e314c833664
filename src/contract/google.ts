// Signing in with Google (the live way, without an archive): whether it is offered on this
// computer, the sign-in itself as a job (the consent page opens in the browser; the family comes
// back when Google sends them), and the session it leaves, named by its id in a `google` source.
// The tokens never cross this boundary: the service keeps them (the OS keychain on desktop).
import { z } from 'zod';
import { command, job } from './define.ts';
import { JobRef } from './jobs.ts';

export const GoogleProduct = z.enum(['calendar', 'contacts', 'other-contacts', 'tasks', 'drive']);

export const GoogleAvailability = z.object({
  /** False: no Google client is known here; the live way is hidden and the archive explained. */
  available: z.boolean(),
  /** Where the client came from: the host's provisioning file, the environment, a volunteer. */
  from: z.enum(['provisioning', 'environment', 'typed']).nullable(),
});
export type GoogleAvailability = z.infer<typeof GoogleAvailability>;

export const SetGoogleClientInput = z.object({
  /** A Google OAuth client id of type "Desktop app", typed in the Advanced panel. */
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(200).optional(),
});

export const GoogleSignInInput = z.object({
  products: z.array(GoogleProduct).min(1),
});

export const GoogleSignInProgress = z.object({
  phase: z.enum(['opening', 'waiting-for-browser']),
  /** Google's consent page, to open again if the family closed the tab. */
  consentUrl: z.string().nullable(),
});

export const GoogleSession = z.object({
  sessionId: z.string(),
  /** The account signed in to, when Google said. */
  email: z.string().nullable(),
  /** What Google granted: the family may untick some on the consent page. */
  products: z.array(GoogleProduct),
});
export type GoogleSession = z.infer<typeof GoogleSession>;

export const googleJobs = {
  googleSignIn: job(GoogleSignInProgress, GoogleSession),
};

export const googleCommands = {
  googleAvailability: command(z.object({}), GoogleAvailability),
  setGoogleClient: command(SetGoogleClientInput, GoogleAvailability),
  startGoogleSignIn: command(GoogleSignInInput, JobRef),
};
