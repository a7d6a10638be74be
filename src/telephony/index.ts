/**
 * The Amazon Chime SDK PSTN audio protocol: invocation events, response
 * actions, response validation and the call state carried between
 * invocations. No business logic lives here.
 */
export * from './events';
export * from './actions';
export * from './validate-response';
export * from './call-state';
