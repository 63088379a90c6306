/** The app's version from package.json, written in by vite at build time. */
declare const __APP_VERSION__: string;
