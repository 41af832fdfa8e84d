-- baton for Neovim's built-in LSP client (Neovim 0.7 or newer).
--
-- Put this file on your runtimepath as lua/baton.lua (or dofile() it) and call
--   require('baton').setup()                      -- defaults below
--   require('baton').setup({ cmd = { '/path/to/baton', 'lsp' } })
-- With nvim-lspconfig you can instead register the same cmd/filetypes/root
-- markers as a custom server.
local M = {}

local defaults = {
  cmd = { 'baton', 'lsp' },
  filetypes = { 'markdown' },
  -- The project root: the nearest directory holding one of these.
  root_markers = { '.baton.json', '.git' },
  -- Passed through to the client (on_attach, capabilities, ...).
  client = {},
}

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(markers) do
    local file = vim.fn.findfile(marker, dir .. ';')
    if file ~= '' then return vim.fn.fnamemodify(file, ':p:h') end
    local found = vim.fn.finddir(marker, dir .. ';')
    if found ~= '' then return vim.fn.fnamemodify(found, ':p:h:h') end
  end
  return dir
end

local clients = {}  -- root_dir -> client id (Neovim 0.7, which has no vim.lsp.start)

local function attach(bufnr, opts)
  local root = find_root(bufnr, opts.root_markers)
  local config = vim.tbl_extend('force', {
    name = 'baton',
    cmd = opts.cmd,
    root_dir = root,
  }, opts.client)
  if vim.lsp.start then  -- Neovim 0.8+: reuses a running client with the same name and root
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  local group = vim.api.nvim_create_augroup('baton_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args) attach(args.buf, opts) end,
  })
end

return M
