import type { Route } from '../../http/router.js'
import { getExport } from './export.js'
import { importRestApi, putRestApi } from './import.js'
import { getSdk } from './sdk.js'

// API definitions in and out (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html). They come
// first in the route table: ImportRestApi shares POST /restapis with CreateRestApi and is told apart by ?mode=import.
const api = '/restapis/{restApiId}'
const stage = `${api}/stages/{stageName}`

export const definitionRoutes: readonly Route[] = [
  {
    operation: 'ImportRestApi',
    method: 'POST',
    path: '/restapis',
    query: { mode: 'import' },
    rawBody: true,
    handler: importRestApi
  },
  { operation: 'PutRestApi', method: 'PUT', path: api, rawBody: true, handler: putRestApi },
  { operation: 'GetExport', method: 'GET', path: `${stage}/exports/{exportType}`, handler: getExport },
  { operation: 'GetSdk', method: 'GET', path: `${stage}/sdks/{sdkType}`, handler: getSdk }
]
