/** @type {import('next').NextConfig} */
export default {
  // Pre-render every page on the server at build time into out/ (any static host can serve it).
  output: 'export',
  webpack(config, { isServer }) {
    // Next has webpack turn `new URL('./file', import.meta.url)` into a relative URL object, which
    // emovox cannot resolve its model file against; the browser bundle gets real URLs.
    if (!isServer) {
      config.module.parser ??= {};
      config.module.parser.javascript = { ...config.module.parser.javascript, url: true };
    }
    return config;
  },
};
