/** @type {import('next').NextConfig} */
export default {
  // Pre-render every page on the server at build time into out/ (any static host can serve it).
  output: 'export',
};
