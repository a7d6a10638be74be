/** The menu routes: read the menu, mark an item sold out or back. */
import { availabilityBodySchema, menuItemPathSchema } from './request-schemas';
import { menuItemResponseSchema, menuResponseSchema } from './response-schemas';
import { defineRoute } from './route';

const STAFF = ['staff', 'managers'] as const;

/** `GET /menu`. */
export const getMenu = defineRoute({
  method: 'GET',
  path: '/menu',
  operationId: 'getMenu',
  summary: 'The menu, categories and items in keypad order',
  roles: STAFF,
  response: {
    status: 200,
    description: 'The menu',
    schema: menuResponseSchema,
  },
  errors: [],
  handle: (_, { menu }) => menu.getMenu(),
});

/** `PUT /menu/items/{itemId}/availability`. */
export const setItemAvailability = defineRoute({
  method: 'PUT',
  path: '/menu/items/{itemId}/availability',
  operationId: 'setItemAvailability',
  summary: 'Mark a menu item available or sold out; callers hear it at once',
  roles: STAFF,
  pathSchema: menuItemPathSchema,
  bodySchema: availabilityBodySchema,
  response: {
    status: 200,
    description: 'The item as it now is',
    schema: menuItemResponseSchema,
  },
  errors: ['menu_item_not_found'],
  handle: ({ path, body }, { menu }) =>
    menu.setAvailability(path.itemId, body.available),
});
