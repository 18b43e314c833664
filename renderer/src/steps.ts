// The journey, one screen per step (DESIGN.md).
export const steps = ['welcome', 'source', 'found', 'home', 'connect', 'moving', 'done'] as const;
export type Step = (typeof steps)[number];
