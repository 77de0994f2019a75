import { z } from 'zod';
import { plainLine, ZSlug } from './common';

export const AGENCY_TYPES = [
  'police_force',
  'policing_body',
  'fire_and_rescue_authority',
  'ambulance_trust',
  'local_authority',
  'other',
] as const;

export const ZAgencyType = z.enum(AGENCY_TYPES);
export type TAgencyType = z.infer<typeof ZAgencyType>;

export const ZAgency = z
  .object({
    id: ZSlug,
    name: z.string(),
    type: ZAgencyType,
    policingBodyId: ZSlug.optional().meta({ description: 'For a police force: the policing body (PCC) that maintains it' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Agency' });
export type TAgency = z.infer<typeof ZAgency>;

export const ZCreateAgencyRequest = z
  .strictObject({
    id: ZSlug.optional().meta({ description: 'Made from the name when not given' }),
    name: plainLine(200),
    type: ZAgencyType,
    policingBodyId: ZSlug.optional(),
  })
  .superRefine((agency, ctx) => {
    if (agency.type === 'police_force' && !agency.policingBodyId) {
      ctx.addIssue({ code: 'custom', path: ['policingBodyId'], message: 'a police force needs the policing body that maintains it' });
    }
    if (agency.type !== 'police_force' && agency.policingBodyId) {
      ctx.addIssue({ code: 'custom', path: ['policingBodyId'], message: 'only a police force has a policing body' });
    }
  })
  .meta({ id: 'CreateAgencyRequest' });
export type TCreateAgencyRequest = z.infer<typeof ZCreateAgencyRequest>;

export const ZAgencyList = z.object({ items: z.array(ZAgency) }).meta({ id: 'AgencyList' });
