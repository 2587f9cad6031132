/**
 * What the definition inputs may say, and where AWS offers it: the import's modes and parameters, the export's
 * types, formats and extensions, the SDK types with the parameters each requires. Pure data, read by the inputs
 * before any AWS code loads.
 */

// https://docs.aws.amazon.com/apigateway/latest/api/API_PutRestApi.html: mode "merge" or "overwrite" (AWS's own
// default is merge; this action's is overwrite, so the file is the whole API).
export const IMPORT_MODES = ['overwrite', 'merge'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]

// PutRestApi's `parameters`, the ones AWS documents: basepath
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-basePath.html),
// endpointConfigurationTypes and ignore=documentation (the ImportRestApi / PutRestApi API reference).
export const BASE_PATH_MODES = ['ignore', 'prepend', 'split'] as const
export type BasePathMode = (typeof BASE_PATH_MODES)[number]
export const ENDPOINT_TYPES = ['EDGE', 'REGIONAL', 'PRIVATE'] as const
export type EndpointType = (typeof ENDPOINT_TYPES)[number]
export const IGNORE_VALUES = ['documentation'] as const

export interface ImportParameters {
  basepath?: BasePathMode
  endpointConfigurationTypes?: EndpointType
  ignore?: (typeof IGNORE_VALUES)[number]
}

/** PutRestApi takes at most 6 MB of definition (the API reference of its body). */
export const MAX_DEFINITION_BYTES = 6 * 1024 * 1024

// https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html: exportType oas30 or swagger, Accept
// application/json or application/yaml, extensions any of integrations, apigateway, authorizers, postman.
export const EXPORT_TYPES = ['oas30', 'swagger'] as const
export type ExportType = (typeof EXPORT_TYPES)[number]
export const EXPORT_FORMATS = ['json', 'yaml'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const EXPORT_EXTENSIONS = ['integrations', 'apigateway', 'authorizers', 'postman'] as const
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number]

/** The Accept header GetExport takes for each format. */
export const EXPORT_ACCEPTS: Record<ExportFormat, string> = {
  json: 'application/json',
  yaml: 'application/yaml'
}

export const SDK_TYPES = ['javascript', 'java', 'android', 'objectivec', 'swift', 'ruby'] as const
export type SdkType = (typeof SDK_TYPES)[number]

/**
 * The parameters GetSdk needs for each type. The API reference
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_GetSdk.html) names classPrefix for objectivec and swift,
 * groupId, artifactId, artifactVersion and invokerPackage for android, and "serviceName and javaPackageName" for
 * java; AWS's own callers send java's as dotted names instead, service.name and java.package-name (the
 * GetSdkTypes catalog the developer portal reads, awslabs/aws-api-gateway-developer-portal), and ruby needs
 * service.name (the CLI guide's example, how-to-generate-sdk-cli.html). The emulator checks the same
 * (emulator/control-plane/definitions/sdk-types.ts).
 */
export const SDK_REQUIRED_PARAMETERS: Readonly<Record<SdkType, readonly string[]>> = {
  javascript: [],
  java: ['service.name', 'java.package-name'],
  android: ['groupId', 'invokerPackage', 'artifactId', 'artifactVersion'],
  objectivec: ['classPrefix'],
  swift: ['classPrefix'],
  ruby: ['service.name']
}

/** Names people copy from the API reference, and the name GetSdk reads instead. */
export const SDK_PARAMETER_ALIASES: Readonly<Record<string, string>> = {
  serviceName: 'service.name',
  javaPackageName: 'java.package-name'
}

/**
 * SDK types a region does not generate: "Java and Ruby SDK generation is not supported" in the China regions
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/api-gateway.html).
 */
export function sdkTypesNotOffered(region: string): SdkType[] {
  return region.startsWith('cn-') ? ['java', 'ruby'] : []
}

/**
 * Endpoint types a region does not offer: the China regions have no edge-optimized APIs (AWS answers "Endpoint
 * Configuration type EDGE is not supported in this region: cn-north-1"; same page as above).
 */
export function endpointTypesNotOffered(region: string): EndpointType[] {
  return region.startsWith('cn-') ? ['EDGE'] : []
}
