import { AppError } from '../../errors';
import type { TAgency, TCreateAgencyRequest } from '../../schemas/agency';
import type { TAgencyStore } from '../ports';
import { assertRole } from '../agreement/access';
import type { TUser } from '../user';

/** `Warwickshire Fire & Rescue` → `warwickshire-fire-rescue`. */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');

export const createAgency = async (options: {
  input: TCreateAgencyRequest;
  user: TUser;
  now: Date;
  agencies: TAgencyStore;
}): Promise<TAgency> => {
  const { input, user } = options;
  assertRole(user, 'admin');
  const id = input.id ?? slugify(input.name);
  if (id.length < 2) {
    throw new AppError('validation_failed', 'Cannot make an id from this name.', [
      { path: 'id', message: 'give an id: the name has too few letters or digits' },
    ]);
  }
  if (input.policingBodyId) {
    const policingBody = await options.agencies.get(input.policingBodyId);
    if (policingBody?.type !== 'policing_body') {
      throw new AppError('unprocessable', 'A police force must name an existing policing body.', [
        { path: 'policingBodyId', message: `no policing body '${input.policingBodyId}'` },
      ]);
    }
  }
  const agency: TAgency = {
    id,
    name: input.name,
    type: input.type,
    ...(input.policingBodyId ? { policingBodyId: input.policingBodyId } : {}),
    createdAt: options.now.toISOString(),
  };
  await options.agencies.create(agency);
  return agency;
};

export const listAgencies = async (options: { user: TUser; agencies: TAgencyStore }): Promise<TAgency[]> => {
  assertRole(options.user, 'viewer');
  return options.agencies.list();
};
