-- End-to-end test of `baton lsp` with Neovim's built-in client (0.7 or newer).
-- Run as: nvim --headless --clean -u nvim_e2e.lua
-- Environment: BATON_BIN (the baton binary), BATON_FIXTURE (a broken handoff
-- whose 0.1 has no Skill() call: HP102 on line 7), BATON_E2E_RESULT (file
-- that receives "PASS" or "FAIL: why"). Exits 0 only when every step passed.
-- The server gets settings as initializationOptions (ignore HP106) and later
-- through workspace/didChangeConfiguration, and answers textDocument/documentLink.

local baton = os.getenv('BATON_BIN')
local fixture = os.getenv('BATON_FIXTURE')
local result_file = os.getenv('BATON_E2E_RESULT')
local timeout_ms = 10000

local function finish(ok, message)
  if result_file then
    local file = io.open(result_file, 'w')
    if file then
      file:write(ok and 'PASS\n' or ('FAIL: ' .. tostring(message) .. '\n'))
      file:close()
    end
  end
  if not ok then
    io.stderr:write('nvim_e2e: FAIL: ' .. tostring(message) .. '\n')
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local function check(condition, message)
  if not condition then error(message, 0) end
end

local function diagnostics_with(bufnr, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then table.insert(found, d) end
  end
  return found
end

local function describe(bufnr)
  local parts = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(parts, string.format('%s@%d', tostring(d.code), d.lnum))
  end
  return '[' .. table.concat(parts, ', ') .. ']'
end

local function run()
  check(baton and baton ~= '', 'BATON_BIN is not set')
  check(fixture and fixture ~= '', 'BATON_FIXTURE is not set')
  check(vim.fn.executable(baton) == 1, 'not executable: ' .. baton)

  -- A copy of the fixture in a fresh directory (no .baton.json above it that matters).
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/broken-handoff.md'
  check(vim.fn.writefile(vim.fn.readfile(fixture, 'b'), path, 'b') == 0, 'cannot copy the fixture')

  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()

  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = 'baton',
    cmd = { baton, 'lsp' },
    root_dir = dir,
    -- Editor settings over .baton.json: HP106 (the TodoWrite JSON) is off.
    init_options = { ignore = { 'HP106' } },
    on_exit = function(code) exit_code = code end,
  })
  check(client_id, 'vim.lsp.start_client failed')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  -- 1. The error arrives on the right line: HP102 on line 7 (0-based 6), as an error.
  local arrived = vim.wait(timeout_ms, function() return #diagnostics_with(bufnr, 'HP102') > 0 end, 20)
  check(arrived, 'no HP102 diagnostic within ' .. timeout_ms .. ' ms; got ' .. describe(bufnr))
  local hp102 = diagnostics_with(bufnr, 'HP102')[1]
  check(hp102.lnum == 6, 'HP102 on 0-based line ' .. hp102.lnum .. ', expected 6')
  check(hp102.severity == vim.diagnostic.severity.ERROR, 'HP102 is not an error')
  check(hp102.source == 'baton', 'source is ' .. tostring(hp102.source))
  check(#diagnostics_with(bufnr, 'HP103') == 1, 'expected HP103 on the prose line: ' .. describe(bufnr))
  check(#diagnostics_with(bufnr, 'HP106') == 0, 'initializationOptions ignore HP106: ' .. describe(bufnr))

  -- 2. Fix it: the prose line under 0.1 becomes the explicit marker (an incremental change).
  local line = vim.api.nvim_buf_get_lines(bufnr, 8, 9, true)[1]
  check(line == 'Continue the workflow from the last task.', 'unexpected line 9: ' .. tostring(line))
  vim.api.nvim_buf_set_lines(bufnr, 8, 9, true, { 'NO ACTIVE SKILL - proceed to 0.2' })

  -- 3. HP102 and HP103 clear, while the other errors stay (the server re-linted
  -- the edited text; it did not just go quiet).
  local cleared = vim.wait(timeout_ms, function()
    return #diagnostics_with(bufnr, 'HP102') == 0 and #diagnostics_with(bufnr, 'HP103') == 0
  end, 20)
  check(cleared, 'HP102/HP103 still reported after the edit: ' .. describe(bufnr))
  check(#diagnostics_with(bufnr, 'HP101') == 1, 'HP101 should remain: ' .. describe(bufnr))
  check(#diagnostics_with(bufnr, 'HP201') == 2, 'HP201 x2 should remain: ' .. describe(bufnr))

  -- 4. Breaking it again brings HP102 back, on the same line.
  vim.api.nvim_buf_set_lines(bufnr, 8, 9, true, { 'Continue the workflow from the last task.' })
  local back = vim.wait(timeout_ms, function() return #diagnostics_with(bufnr, 'HP102') == 1 end, 20)
  check(back, 'HP102 did not come back after undoing the fix: ' .. describe(bufnr))
  check(diagnostics_with(bufnr, 'HP102')[1].lnum == 6, 'HP102 came back on the wrong line')

  -- 5. New settings replace the old ones: HP101 off, HP106 back.
  local client = vim.lsp.get_client_by_id(client_id)
  client.notify('workspace/didChangeConfiguration', { settings = { baton = { ignore = { 'HP101' } } } })
  local resettled = vim.wait(timeout_ms, function()
    return #diagnostics_with(bufnr, 'HP101') == 0 and #diagnostics_with(bufnr, 'HP106') == 1
  end, 20)
  check(resettled, 'didChangeConfiguration did not take: ' .. describe(bufnr))

  -- 6. A Read() of a file that exists is a link to it; one of a missing file is not.
  local plan = dir .. '/plan.md'
  check(vim.fn.writefile({ '# Plan' }, plan) == 0, 'cannot write ' .. plan)
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, true,
    { '', '```', 'Read("' .. plan .. '")', 'Read("' .. dir .. '/missing.md")', '```' })
  local links = nil
  local linked = vim.wait(timeout_ms, function()
    local response = client.request_sync('textDocument/documentLink',
      { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, timeout_ms, bufnr)
    links = response and response.result
    return links ~= nil and #links > 0
  end, 50)
  check(linked, 'no document link: ' .. vim.inspect(links))
  check(#links == 1, 'expected one link, got ' .. vim.inspect(links))
  check(links[1].target == vim.uri_from_fname(plan), 'link target ' .. tostring(links[1].target))
  check(links[1].range.start.line == last + 2, 'link on line ' .. links[1].range.start.line)
  check(links[1].range.start.character == 6, 'link starts at ' .. links[1].range.start.character)

  -- 7. Clean shutdown: shutdown + exit, server exit code 0.
  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(timeout_ms, function() return exit_code ~= nil end, 20)
  check(stopped, 'the server did not exit after shutdown')
  check(exit_code == 0, 'server exit code ' .. tostring(exit_code) .. ', expected 0')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, message = xpcall(run, debug.traceback)
    finish(ok, message)
  end,
})
