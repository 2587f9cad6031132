// The post: step (action.yml `post:`). src/index.ts runs the post step when started as post.js.
require('./index.js')
