/**
 * The closed vocabularies of the knowledge format. A typo in an entry's `tools` or
 * `category` fails validation instead of silently creating a new group.
 */

/** Tool slugs. `ai: true` marks the AI coding tools world (counted separately in kb:stats). */
export const TOOLS = {
  // MCP and its SDKs
  mcp: { label: 'MCP', ai: true },
  'mcp-python-sdk': { label: 'MCP Python SDK', ai: true },
  'mcp-typescript-sdk': { label: 'MCP TypeScript SDK', ai: true },
  'mcp-inspector': { label: 'MCP Inspector', ai: true },
  // hosts and agents
  'claude-code': { label: 'Claude Code', ai: true },
  'claude-desktop': { label: 'Claude Desktop', ai: true },
  cursor: { label: 'Cursor', ai: true },
  vscode: { label: 'VS Code', ai: false },
  copilot: { label: 'GitHub Copilot', ai: true },
  windsurf: { label: 'Windsurf', ai: true },
  cline: { label: 'Cline', ai: true },
  continue: { label: 'Continue', ai: true },
  'gemini-cli': { label: 'Gemini CLI', ai: true },
  'codex-cli': { label: 'Codex CLI', ai: true },
  trae: { label: 'Trae', ai: true },
  aider: { label: 'Aider', ai: true },
  zed: { label: 'Zed', ai: true },
  opencode: { label: 'OpenCode', ai: true },
  'claude-agent-sdk': { label: 'Claude Agent SDK', ai: true },
  // LLM provider APIs and SDKs
  'anthropic-api': { label: 'Anthropic API', ai: true },
  'openai-api': { label: 'OpenAI API', ai: true },
  'gemini-api': { label: 'Gemini API', ai: true },
  'vertex-ai': { label: 'Vertex AI', ai: true },
  bedrock: { label: 'Amazon Bedrock', ai: true },
  'azure-openai': { label: 'Azure OpenAI', ai: true },
  openrouter: { label: 'OpenRouter', ai: true },
  ollama: { label: 'Ollama', ai: true },
  litellm: { label: 'LiteLLM', ai: true },
  'llama-cpp': { label: 'llama.cpp', ai: true },
  vllm: { label: 'vLLM', ai: true },
  'lm-studio': { label: 'LM Studio', ai: true },
  langchain: { label: 'LangChain', ai: true },
  // everyday tooling
  node: { label: 'Node.js', ai: false },
  npm: { label: 'npm', ai: false },
  npx: { label: 'npx', ai: false },
  pnpm: { label: 'pnpm', ai: false },
  yarn: { label: 'Yarn', ai: false },
  bun: { label: 'Bun', ai: false },
  typescript: { label: 'TypeScript', ai: false },
  python: { label: 'Python', ai: false },
  pip: { label: 'pip', ai: false },
  uv: { label: 'uv', ai: false },
  poetry: { label: 'Poetry', ai: false },
  conda: { label: 'conda', ai: false },
  'node-gyp': { label: 'node-gyp', ai: false },
  msvc: { label: 'MSVC / Visual Studio Build Tools', ai: false },
  xcode: { label: 'Xcode command line tools', ai: false },
  git: { label: 'git', ai: false },
  github: { label: 'GitHub', ai: false },
  docker: { label: 'Docker', ai: false },
  tls: { label: 'TLS / certificates', ai: false },
  proxy: { label: 'Proxies', ai: false },
  windows: { label: 'Windows', ai: false },
  powershell: { label: 'PowerShell', ai: false },
  macos: { label: 'macOS', ai: false },
  linux: { label: 'Linux', ai: false },
  shell: { label: 'Unix shells', ai: false },
} as const satisfies Record<string, { label: string; ai: boolean }>;

export type ToolSlug = keyof typeof TOOLS;

export const CATEGORIES = [
  'auth',
  'billing',
  'rate-limit',
  'context-limit',
  'config',
  'install',
  'dependency',
  'module-resolution',
  'network',
  'tls',
  'permission',
  'filesystem',
  'process',
  'protocol',
  'memory',
  'platform',
  'version',
  'vcs',
  'container',
  'runtime',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const LIKELIHOODS = ['common', 'occasional', 'rare'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export function isToolSlug(value: string): value is ToolSlug {
  return Object.hasOwn(TOOLS, value);
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/**
 * The knowledge folders and which world each belongs to: kb:stats counts every entry once,
 * by its folder. A new folder is declared here (the validator refuses an undeclared one),
 * so no entry is counted in the wrong world or silently in none.
 */
export const FOLDERS = {
  aider: 'ai',
  'claude-code': 'ai',
  cline: 'ai',
  'codex-cli': 'ai',
  continue: 'ai',
  copilot: 'ai',
  cursor: 'ai',
  gemini: 'ai',
  langchain: 'ai',
  litellm: 'ai',
  'llm-api': 'ai',
  mcp: 'ai',
  ollama: 'ai',
  windsurf: 'ai',
  'local-llm': 'ai',
  'ai-editors': 'ai',
  docker: 'everyday',
  git: 'everyday',
  node: 'everyday',
  npm: 'everyday',
  os: 'everyday',
  python: 'everyday',
  build: 'everyday',
  shell: 'everyday',
  tls: 'everyday',
  typescript: 'everyday',
} as const satisfies Record<string, 'ai' | 'everyday'>;

export type World = (typeof FOLDERS)[keyof typeof FOLDERS];

/** The world of an entry id (`mcp/connection-closed` → ai), or undefined for an undeclared folder. */
export function worldOf(id: string): World | undefined {
  const folder = id.split('/')[0];
  return Object.hasOwn(FOLDERS, folder) ? FOLDERS[folder as keyof typeof FOLDERS] : undefined;
}
