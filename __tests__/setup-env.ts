// The AWS SDK warns once per process on Node 20 (the action itself runs on node24); in test output it is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
