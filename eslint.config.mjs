import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. a field dropped by destructuring).
      // This rule only warns which libraries the React Compiler cannot memoise (TanStack Virtual);
      // the app does not use the React Compiler.
      "react-hooks/incompatible-library": "off",
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Dependency direction: app/ → components/ → lib/ (seeds/ and tests/ may import lib/). lib/ never
    // imports seeds/, tests/, components/ or app/; components/ never import seeds/, tests/ or app/.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(@/|(\\.\\./)+)(seeds|tests)(/|$)", message: "lib/ must not import seeds/ or tests/: pass what it needs in from app/ (see lib/users/sign-up-user.ts)." },
            { regex: "^(@/|(\\.\\./)+)(components|app)(/|$)", message: "lib/ must not import components/ or app/: the domain sits below the UI." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["components/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ regex: "^(@/|(\\.\\./)+)(seeds|tests|app)(/|$)", message: "components/ must not import seeds/, tests/ or app/." }],
        },
      ],
    },
  },
  {
    ignores: ["lib/generated/**", ".next/**", "data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
