// The SDK types GetSdk generates and the configuration properties each requires.
// - "For sdkType of objectivec or swift, a parameter named classPrefix is required. For sdkType of android,
//   parameters named groupId, artifactId, artifactVersion, and invokerPackage are required."
//   (https://docs.aws.amazon.com/apigateway/latest/api/API_GetSdk.html);
// - java and ruby take dotted property names: service.name and java.package-name are required for java,
//   service.name for ruby, the rest optional. The API reference above says "serviceName and javaPackageName" for
//   java, but AWS's own callers use the dotted names: the GetSdkTypes catalog of AWS's developer portal
//   (awslabs/aws-api-gateway-developer-portal) and the AWS CLI guide's ruby example
//   `--parameters service.name=myApiRubySdk,ruby.gem-name=myApi,ruby.gem-version=0.01`
//   (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-generate-sdk-cli.html).
// - javascript takes none.

export interface SdkTypeSpec {
  required: readonly string[]
  optional: readonly string[]
  /** The folder the archive unpacks to. apiGateway-js-sdk is AWS's for JavaScript; the others are the emulator's. */
  folder: string
}

export const SDK_TYPES: Readonly<Record<string, SdkTypeSpec>> = {
  javascript: { required: [], optional: [], folder: 'apiGateway-js-sdk' },
  android: {
    required: ['groupId', 'invokerPackage', 'artifactId', 'artifactVersion'],
    optional: [],
    folder: 'android-sdk'
  },
  java: {
    required: ['service.name', 'java.package-name'],
    optional: [
      'java.build-system',
      'java.group-id',
      'java.artifact-id',
      'java.artifact-version',
      'java.license-text'
    ],
    folder: 'java-sdk'
  },
  objectivec: { required: ['classPrefix'], optional: [], folder: 'objectivec-sdk' },
  swift: { required: ['classPrefix'], optional: [], folder: 'swift-sdk' },
  ruby: { required: ['service.name'], optional: ['ruby.gem-name', 'ruby.gem-version'], folder: 'ruby-sdk' }
}

/**
 * The types a region does not generate: "Java and Ruby SDK generation is not supported" in the China regions
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/api-gateway.html). EmulatorOptions.unsupportedSdkTypes
 * overrides it.
 */
export const defaultUnsupportedSdkTypes = (region: string): string[] =>
  region.startsWith('cn-') ? ['java', 'ruby'] : []
