/**
 * Receivables demo data (seed 004): a Chilean client with SII documents, and the Mexican client of
 * the seed's own CFDI sample with its seven invoices (external id = the invoice's fiscal UUID), so
 * the document's base64 sample works as it is. Tests build the same data in their own tenants.
 */
import type { Charge } from '../../shared/domain/charges.js';
import type { Party } from '../../shared/domain/parties.js';

type PartySeed = Pick<Party, 'id' | 'kind' | 'name' | 'taxId'>;
type DocumentSeed = Pick<Charge, 'id' | 'partyId' | 'amount' | 'currency' | 'number'> & Partial<Pick<Charge, 'code' | 'externalId' | 'issueDate' | 'dueDate'>>;

export const RECEIVABLES_DEMO = {
  chileanClient: { id: '2101', kind: 'client', name: 'Duemint SPA', taxId: '76453707-6' },
  mexicanClient: { id: '2201', kind: 'client', name: 'AB CALSA, S.A. DE C.V.', taxId: 'ACA0401281AA' },
} as const satisfies Record<string, PartySeed>;

const cl = (id: string, number: string, code: string, amount: number): DocumentSeed => ({
  id,
  partyId: RECEIVABLES_DEMO.chileanClient.id,
  amount,
  currency: 'CLP',
  number,
  code,
  issueDate: '2018-03-01',
  dueDate: '2018-03-31',
});

const mx = (id: string, folio: string, externalId: string, amount: number): DocumentSeed => ({
  id,
  partyId: RECEIVABLES_DEMO.mexicanClient.id,
  amount,
  currency: 'MXN',
  number: `FIGI${folio}`,
  externalId,
  issueDate: '2019-05-01',
});

/** The documents of the seed's samples: folios 135, 147, 148 (code 33) and 122 (code 34); the CFDI sample's seven invoices. */
export const RECEIVABLES_DEMO_DOCUMENTS: readonly DocumentSeed[] = [
  cl('6101', '135', '33', 31816),
  cl('6102', '147', '33', 31894),
  cl('6103', '148', '33', 2060),
  cl('6104', '122', '34', 31690),
  mx('6201', '12555', '7B3367B8-FBB4-47C2-8E33-A640D4FC8C8E', 95796),
  mx('6202', '12557', '65E4F7D6-CD7E-4E6E-ADE7-386C90E444EE', 89316),
  mx('6203', '12558', '077296CD-366B-4695-B256-68F1C4115816', 95796),
  mx('6204', '12751', '811D08B1-3481-49D4-BE54-E9A80CECFBD9', 95796),
  mx('6205', '13230', '1698C57F-87FB-4A83-A0C0-9FCFB6EEFFFD', 95796),
  mx('6206', '13237', '3FB799D0-ED3D-46EE-AA69-C9E4CCBC07B7', 149796),
  mx('6207', '13522', '75B15A80-8579-4784-BBF8-D745C8CDF195', 89316),
];
