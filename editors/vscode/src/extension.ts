// The baton extension: starts `baton lsp` for markdown files and lets
// vscode-languageclient do the rest (diagnostics, quick fixes,
// source.fixAll.baton, hover, outline, completion, document links). The
// baton.* settings reach the server as initializationOptions and, when they
// change, in workspace/didChangeConfiguration.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// The settings `baton lsp` reads (docs/editors.md); baton.path is the
// extension's own.
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("baton");
  return {
    profile: config.get<string>("profile", ""),
    select: config.get<string[]>("select", []),
    enable: config.get<string[]>("enable", []),
    ignore: config.get<string[]>("ignore", []),
    configPath: config.get<string>("configPath", ""),
  };
}

function createClient(): LanguageClient {
  const command = vscode.workspace.getConfiguration("baton").get<string>("path", "baton");
  const serverOptions: ServerOptions = {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: serverSettings(),
    synchronize: {
      // The server also registers this watcher itself; declaring it here covers
      // clients that do not support dynamic registration.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/.baton.json"),
    },
  };
  return new LanguageClient("baton", "baton", serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient();
  context.subscriptions.push(
    vscode.commands.registerCommand("baton.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      client = createClient();
      await client.start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("baton.path")) {
        await vscode.commands.executeCommand("baton.restartServer");
      } else if (event.affectsConfiguration("baton") && client) {
        // The server re-lints every open document with the new settings.
        await client.sendNotification("workspace/didChangeConfiguration", {
          settings: { baton: serverSettings() },
        });
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
