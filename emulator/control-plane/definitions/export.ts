import YAML from 'yaml'
import { badRequest } from '../../http/errors.js'
import type { Handler } from '../../http/router.js'
import type { ExportType } from './export-document.js'
import { exportDocument } from './export-document.js'

// GetExport: GET /restapis/{restApiId}/stages/{stageName}/exports/{exportType}, exportType oas30 or swagger,
// `extensions` as a query parameter (comma-separated), the format chosen by the Accept header, application/json
// (the SDK's default) or application/yaml (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html).
// The answer is the file: Content-Type application/octet-stream whatever the format, Content-Disposition
// `attachment; filename="{exportType}_{info.version}.{json|yaml}"` (AWS's answers as the AWS CLI prints them,
// e.g. "swagger_2020-01-13T13:15:44Z.json", and as LocalStack recorded them).

const TYPES: readonly ExportType[] = ['oas30', 'swagger']

/** An API without a version is exported with the date of the stage's deployment, to the second. */
const isoSeconds = (epochSeconds: number): string =>
  new Date(epochSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z')

function render(doc: Record<string, unknown>, yaml: boolean): string {
  if (!yaml) return JSON.stringify(doc, null, 2)
  // AWS's YAML quotes string values and does not indent list items under their key (exports quoted in public
  // repositories: `openapi: "3.0.1"`, `parameters:\n- name: "version"`).
  return YAML.stringify(doc, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    indentSeq: false,
    lineWidth: 0
  })
}

export const getExport: Handler = ({ store, params, query, headers }) => {
  const entry = store.api(params.restApiId)
  // Unknown stage: 404 "Invalid Stage identifier specified", as GetStage answers.
  const stage = store.stage(entry, params.stageName)
  const type = params.exportType as ExportType
  // moto's message; AWS's for an unknown export type is not on record.
  if (!TYPES.includes(type)) throw badRequest(`No API exporter for type '${params.exportType}'`)
  const deployment = store.deployment(entry, stage.deploymentId)
  const extensions = new Set(
    query
      .getAll('extensions')
      .flatMap(v => v.split(','))
      .map(v => v.trim())
  )
  const version = entry.api.version ?? isoSeconds(deployment.deployment.createdDate)
  const doc = exportDocument(type, {
    api: entry.api,
    region: store.region,
    stageName: stage.stageName,
    snapshot: deployment.snapshot,
    version,
    extensions
  })
  const yaml = /yaml/i.test(headers.accept ?? '')
  return {
    status: 200,
    bytes: {
      data: Buffer.from(render(doc, yaml)),
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${type}_${version}.${yaml ? 'yaml' : 'json'}"`
      }
    }
  }
}
