// `baton mcp` driven by a real MCP client: the official TypeScript SDK
// (@modelcontextprotocol/sdk, installed into tests/mcp/node_modules by
// scripts/setup-deps). Run by ctest as
//   node mcp_e2e.mjs BATON SOURCE_DIR
// Exit 0 when every check passes, 77 (skipped) when the SDK is not installed.

import assert from "node:assert/strict";
import path from "node:path";

const [baton, sourceDir] = process.argv.slice(2);
if (!baton || !sourceDir) {
  console.error("usage: node mcp_e2e.mjs BATON SOURCE_DIR");
  process.exit(2);
}

let Client, StdioClientTransport, McpError;
try {
  ({ Client } = await import("@modelcontextprotocol/sdk/client/index.js"));
  ({ StdioClientTransport } = await import("@modelcontextprotocol/sdk/client/stdio.js"));
  ({ McpError } = await import("@modelcontextprotocol/sdk/types.js"));
} catch (error) {
  console.log(
    `SKIP: @modelcontextprotocol/sdk is not installed (${error.code ?? error.message}); ` +
      "run scripts/setup-deps, which runs npm ci --prefix tests/mcp",
  );
  process.exit(77);
}

const examples = path.join(sourceDir, "fixtures", "examples");
const projects = path.join(sourceDir, "fixtures", "sessions", "projects");

const transport = new StdioClientTransport({
  command: baton,
  args: ["mcp"],
  cwd: examples,
  stderr: "inherit",
});
const client = new Client({ name: "baton-e2e", version: "1.0.0" });
await client.connect(transport);

let passed = 0;
async function check(name, body) {
  await body();
  passed += 1;
  console.log(`ok - ${name}`);
}

const text = (result) => result.content.map((block) => block.text).join("");

await check("initialize negotiates a version and names the server", async () => {
  assert.equal(client.getServerVersion().name, "baton");
  assert.ok(client.getServerCapabilities().tools, "tools capability");
  assert.match(client.getInstructions() ?? "", /check_handoff/);
});

await check("tools/list lists the five tools with schemas", async () => {
  const { tools } = await client.listTools();
  const names = tools.map((tool) => tool.name).sort();
  assert.deepEqual(names, [
    "check_handoff",
    "explain_rule",
    "generate_handoff",
    "list_rules",
    "list_sessions",
  ]);
  const checkTool = tools.find((tool) => tool.name === "check_handoff");
  assert.equal(checkTool.inputSchema.type, "object");
  assert.ok(checkTool.outputSchema, "check_handoff declares an outputSchema");
});

await check("check_handoff on a path returns the diagnostics as structured content", async () => {
  const result = await client.callTool({ name: "check_handoff", arguments: { path: "broken-handoff.md" } });
  assert.notEqual(result.isError, true);
  const report = result.structuredContent;
  assert.equal(report.files, 1);
  assert.ok(report.summary.errors > 0);
  const rules = report.diagnostics.map((diagnostic) => diagnostic.rule);
  assert.ok(rules.includes("HP101") && rules.includes("HP102"), rules.join(","));
  assert.match(text(result), /\[HP101\/section0-not-first\]/);
});

await check("check_handoff on text under a forced profile", async () => {
  const clean = await client.callTool({
    name: "check_handoff",
    arguments: { path: path.join(examples, "clean-handoff.md") },
  });
  assert.equal(clean.structuredContent.diagnostics.length, 0, text(clean));
  const result = await client.callTool({
    name: "check_handoff",
    arguments: { text: "# Notes\n\nnothing here\n", profile: "spellbook-handoff" },
  });
  assert.equal(result.structuredContent.checked_files[0].profile, "spellbook-handoff");
  assert.ok(result.structuredContent.summary.errors > 0);
});

await check("explain_rule and list_rules", async () => {
  const explained = await client.callTool({ name: "explain_rule", arguments: { rule: "skill-call-missing" } });
  assert.equal(explained.structuredContent.code, "HP102");
  assert.match(text(explained), /HP102/);
  const listed = await client.callTool({ name: "list_rules", arguments: {} });
  assert.ok(listed.structuredContent.rules.some((rule) => rule.code === "HP201"));
});

await check("list_sessions and generate_handoff on a recorded project", async () => {
  const listed = await client.callTool({
    name: "list_sessions",
    arguments: { project_dir: path.join(projects, "v2-1"), limit: 10 },
  });
  assert.notEqual(listed.isError, true, text(listed));
  const sessions = listed.structuredContent.sessions;
  assert.ok(sessions.length > 0);
  const generated = await client.callTool({
    name: "generate_handoff",
    arguments: { session: sessions[0].path, section0_only: true },
  });
  assert.notEqual(generated.isError, true, text(generated));
  assert.match(text(generated), /SECTION 0/);
});

await check("a tool execution error is a result with isError", async () => {
  const missing = await client.callTool({ name: "check_handoff", arguments: { path: "no-such-handoff.md" } });
  assert.equal(missing.isError, true);
  assert.match(text(missing), /path not found/);
  const unknown = await client.callTool({ name: "explain_rule", arguments: { rule: "HP000x" } });
  assert.equal(unknown.isError, true);
});

await check("a bad argument and an unknown tool are JSON-RPC errors", async () => {
  for (const call of [
    { name: "check_handoff", arguments: { path: 42 } },
    { name: "check_handoff", arguments: { profile: "spellbook-handoff" } },
    { name: "check_handoff", arguments: { text: "x", profile: "no-such-profile" } },
    { name: "no_such_tool", arguments: {} },
  ]) {
    await assert.rejects(client.callTool(call), (error) => {
      assert.ok(error instanceof McpError, String(error));
      assert.equal(error.code, -32602, JSON.stringify(call));
      return true;
    });
  }
});

await client.close();
console.log(`${passed} passed, 0 failed`);
