/** The public surface of src/api: the Step Functions API over the durable runtime. */
export { type ApiContext, type ApiOptions, apiContext } from './api-context.js';
export { type ApiResponse, dispatch } from './dispatch.js';
export {
  type ApiServer,
  apiRequestListener,
  MAX_REQUEST_BYTES,
  type RequestListener,
  startApiServer,
} from './http-server.js';
export { operations } from './operation-table.js';
