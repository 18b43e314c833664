// IPC channel names: one per contract command (never a generic channel), plus the event stream
// and the one shell operation the renderer may ask for.
export const commandChannel = (name: string): string => `baluchon:command:${name}`;
export const eventChannel = 'baluchon:event';
export const openExternalChannel = 'baluchon:open-external';
