import { badRequest, notFound } from '../../http/errors.js'
import type { Handler } from '../../http/router.js'
import { SDK_TYPES } from './sdk-types.js'
import { writeZip } from './zip.js'

// GetSdk: GET /restapis/{restApiId}/stages/{stageName}/sdks/{sdkType}, the `parameters` map as query
// parameters (https://docs.aws.amazon.com/apigateway/latest/api/API_GetSdk.html). AWS answers with a zip:
// Content-Type application/octet-stream, Content-Disposition `attachment;
// filename="{sdkType}_{yyyy-MM-dd_HH-mm}Z.zip"` (the AWS CLI reference's get-sdk examples, e.g.
// "android_2016-02-22_23-52Z.zip"). The emulator's zip holds no generated code: a manifest.json echoing the
// request, and a README.

/** Query parameters that belong to SigV4 query signing, not to the SDK's configuration. */
const isSigning = (name: string): boolean => name.startsWith('X-Amz-')

const stamp = (d: Date): string => d.toISOString().slice(0, 16).replace('T', '_').replace(':', '-')

export const getSdk: Handler = ({ store, params, query }) => {
  const entry = store.api(params.restApiId)
  const stage = store.stage(entry, params.stageName)
  const sdkType = params.sdkType
  const spec = SDK_TYPES[sdkType]
  // The emulator's answers (AWS's are not on record): an unknown type, and a type the region does not offer,
  // worded after AWS's "Endpoint Configuration type EDGE is not supported in this region: cn-north-1".
  if (!spec) throw notFound(`Invalid SDK type specified: ${sdkType}`)
  if (store.unsupportedSdkTypes.includes(sdkType)) {
    throw badRequest(`SDK type ${sdkType} is not supported in this region: ${store.region}`)
  }
  const parameters = Object.fromEntries([...query].filter(([name]) => !isSigning(name)))
  const missing = spec.required.filter(name => !parameters[name])
  // The emulator's wording for a missing required property (AWS's is not on record).
  if (missing.length > 0) {
    throw badRequest(`Missing required SDK configuration properties for ${sdkType}: ${missing.join(', ')}`)
  }
  const now = new Date()
  const manifest = {
    sdkType,
    restApiId: entry.api.id,
    stage: stage.stageName,
    deploymentId: stage.deploymentId,
    invokeUrl: `https://${entry.api.id}.execute-api.${store.region}.amazonaws.com/${stage.stageName}`,
    parameters,
    generatedAt: now.toISOString()
  }
  const readme = [
    `# ${entry.api.name} – ${sdkType} SDK (API Gateway emulator)`,
    '',
    `Stage \`${stage.stageName}\` of REST API \`${entry.api.id}\`, deployment \`${stage.deploymentId}\`.`,
    'The emulator does not generate client code: manifest.json records what was asked for.',
    ''
  ].join('\n')
  const data = writeZip(
    [
      { name: `${spec.folder}/manifest.json`, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: `${spec.folder}/README.md`, data: Buffer.from(readme) }
    ],
    now
  )
  return {
    status: 200,
    bytes: {
      data,
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${sdkType}_${stamp(now)}Z.zip"`
      }
    }
  }
}
