/** The customer routes, for managers: read and correct a profile. */
import { CustomerNotFound } from '../customers/model';
import { customerView } from './order-views';
import {
  customerChangesBodySchema,
  customerPathSchema,
} from './request-schemas';
import { customerResponseSchema } from './response-schemas';
import { defineRoute } from './route';

const MANAGERS = ['managers'] as const;

/** `GET /customers/{phone}`. */
export const getCustomer = defineRoute({
  method: 'GET',
  path: '/customers/{phone}',
  operationId: 'getCustomer',
  summary: "A customer's profile (phone in E.164, `+` encoded as %2B)",
  roles: MANAGERS,
  pathSchema: customerPathSchema,
  response: {
    status: 200,
    description: 'The profile',
    schema: customerResponseSchema,
  },
  errors: ['customer_not_found'],
  handle: async ({ path }, { customers }) => {
    const customer = await customers.get(path.phone);
    if (customer === undefined) throw new CustomerNotFound(path.phone);

    return customerView(customer);
  },
});

/** `PATCH /customers/{phone}`: creates the profile when there is none. */
export const updateCustomer = defineRoute({
  method: 'PATCH',
  path: '/customers/{phone}',
  operationId: 'updateCustomer',
  summary: "Correct a customer's name, email or delivery address",
  roles: MANAGERS,
  pathSchema: customerPathSchema,
  bodySchema: customerChangesBodySchema,
  response: {
    status: 200,
    description: 'The profile after the change',
    schema: customerResponseSchema,
  },
  errors: [],
  handle: async ({ path, body }, { customers }) =>
    customerView(await customers.update(path.phone, body)),
});
