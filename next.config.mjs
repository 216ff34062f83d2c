/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Smaller client bundles: /wegwijzer has a budget of 130 KB gzipped JS
    // (npm run bench:pages), and React DOM and the router are most of it.
    turbopackCjsTreeShaking: true,
    turbopackCjsScopeHoisting: true,
    turbopackCrossModuleConstants: true,
    turbopackModuleFragments: true,
  },
};

export default nextConfig;
