-- authlint lsp driven by Neovim's built-in client (0.7 API: vim.lsp.start_client).
-- Usage: AUTHLINT_BINARY=... AUTHLINT_NVIM_OUT=result.json nvim --headless --clean -u nvim_client.lua FILE
-- Writes what the editor saw as JSON to AUTHLINT_NVIM_OUT, then quits. Run by LSPTests.testNeovimClient.
local binary = os.getenv('AUTHLINT_BINARY')
local out_path = os.getenv('AUTHLINT_NVIM_OUT')
local TIMEOUT = 10000 -- ms for each wait; the Swift test kills nvim after 30 s anyway

local report = { publishes = {} }
local shown_messages = {}

local function write_report()
  vim.fn.writefile({ vim.fn.json_encode(report) }, out_path)
end

-- Diagnostics as Neovim stores them: 0-based line, byte columns (converted from UTF-16).
local function seen_diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col,
                         severity = d.severity, source = d.source, message = d.message })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum end)
  return list
end

local function wait_for_publish(count, what)
  if not vim.wait(TIMEOUT, function() return #report.publishes >= count end, 20) then
    error('timed out waiting for diagnostics ' .. what)
  end
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'authlint',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        local ranges = {}
        for _, d in ipairs(result.diagnostics) do
          table.insert(ranges, { code = d.code, start_line = d.range.start.line, start_character = d.range.start.character,
                                 end_character = d.range['end'].character })
        end
        table.insert(report.publishes, { version = result.version, diagnostics = ranges })
      end,
      ['window/showMessage'] = function(_, result)
        table.insert(shown_messages, result.message)
      end,
    },
    on_exit = function(code, signal)
      report.exit_code = code
      report.exit_signal = signal
    end,
  })
  assert(client_id, 'start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)
  report.server_name = client.server_capabilities and client.server_capabilities.textDocumentSync and 'ok'

  -- 1. didOpen -> diagnostics.
  wait_for_publish(1, 'after opening')
  report.opened = seen_diagnostics(bufnr)

  -- 2. Edit line 2 (drops its secret): an incremental didChange -> fewer diagnostics.
  vim.api.nvim_buf_set_lines(bufnr, 1, 2, false, { "let s = '\u{1F600}'; appKey = process.env.APP_KEY;" })
  wait_for_publish(2, 'after editing')
  report.edited = seen_diagnostics(bufnr)

  -- 3. Code actions on line 1: apply "Ignore ..." and check the buffer text.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, TIMEOUT)
  assert(responses and responses[client_id], 'no codeAction response')
  local actions = responses[client_id].result or {}
  report.action_titles = {}
  local ignore, explain
  for _, action in ipairs(actions) do
    table.insert(report.action_titles, action.title)
    if action.edit then ignore = action end
    if type(action.command) == 'string' then explain = action end
  end
  assert(ignore, 'no ignore action')
  vim.lsp.util.apply_workspace_edit(ignore.edit, 'utf-16')
  report.line1_after_ignore = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  wait_for_publish(3, 'after the ignore edit')
  report.after_ignore = seen_diagnostics(bufnr)

  -- 4. The explain command shows the rule's documentation.
  if explain then
    client.request_sync('workspace/executeCommand', { command = explain.command, arguments = explain.arguments }, TIMEOUT, bufnr)
    vim.wait(TIMEOUT, function() return #shown_messages > 0 end, 20)
    report.explain_first_line = shown_messages[1] and vim.split(shown_messages[1], '\n')[1]
  end

  -- 5. Clean stop: shutdown + exit; the server must exit with 0.
  vim.lsp.stop_client(client_id)
  if not vim.wait(TIMEOUT, function() return report.exit_code ~= nil end, 20) then
    error('server did not exit after shutdown')
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = xpcall(main, debug.traceback)
    if not ok then report.error = tostring(err) end
    write_report()
    vim.cmd('qa!')
  end,
})
