-- Drives the installed imr-language-server from headless Neovim (0.7 or later) the way a reviewer works:
-- the editor's own commands (code actions, hover, document symbols), one printed line per check.
--
-- Environment: IMR_LANGUAGE_SERVER the command to start; IMR_WORKSPACE a folder holding the drafts (see
-- scripts/test-neovim.mjs); IMR_TIMEOUT_MS bounds every wait (default 15000); IMR_SAMPLES how many fresh
-- starts time the first diagnostics (default 5); IMR_README_CONFIG the README's Neovim 0.7 configuration,
-- run as written.
-- Exits 0 when every check passed, 1 otherwise.

local server = os.getenv('IMR_LANGUAGE_SERVER')
local workspace = os.getenv('IMR_WORKSPACE')
local timeout = tonumber(os.getenv('IMR_TIMEOUT_MS') or '') or 15000
local samples = tonumber(os.getenv('IMR_SAMPLES') or '') or 5
local DRAFT = 'lumbar-pasted.imr.md'

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local harness = dofile(here .. '/harness.lua')({ server = server, workspace = workspace, timeout = timeout })
local counts, say, now_ms, wait_for, expect, check = harness.counts, harness.say, harness.now_ms, harness.wait_for, harness.expect, harness.check
local start, stop, open, diagnostics, codes, has, find = harness.start, harness.stop, harness.open, harness.diagnostics, harness.codes, harness.has, harness.find
local showing, same, line, line_matching, choosing, floating_windows = harness.showing, harness.same, harness.line, harness.line_matching, harness.choosing, harness.floating_windows

-- The checks -------------------------------------------------------------------------------------------------

say(string.format('Neovim %s, server %s', tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), tostring(server)))
if not server or not workspace then
  say('FAIL setup: IMR_LANGUAGE_SERVER and IMR_WORKSPACE must be set')
  vim.cmd('cquit 1')
end
vim.cmd('filetype on')

local main, draft

check('diagnostics arrive from the installed server', function()
  local started = now_ms()
  main = start('imr')
  draft = open(DRAFT, main)
  wait_for('diagnostics', function()
    return #diagnostics(draft, main) > 0
  end)
  local elapsed = now_ms() - started
  local wanted = { 'conclusion-decision', 'credential-state', 'decision-value', 'phi' }
  wait_for(table.concat(wanted, ', '), function()
    return same(codes(draft, main), wanted)
  end, showing(draft, main))
  local decision = find(draft, 'decision-value', main)
  expect(decision.severity == vim.diagnostic.severity.ERROR, 'decision-value is not an error')
  expect(line(draft, decision.lnum):sub(decision.col + 1, decision.end_col) == 'Approved', 'decision-value does not cover "Approved"')
  return string.format('%s, first after %.0f ms', table.concat(codes(draft, main), ', '), elapsed)
end)

check('a quick fix applied from the code action menu changes the buffer', function()
  local decision = find(draft, 'decision-value', main)
  expect(decision, 'no decision-value finding to fix')
  vim.api.nvim_win_set_cursor(0, { decision.lnum + 1, decision.col })
  local offered = choosing(function(items)
    for _, item in ipairs(items) do
      if item[2].isPreferred then
        return item
      end
    end
  end, function()
    vim.lsp.buf.code_action()
  end)
  wait_for('"Overturned" in place of "Approved"', function()
    return line(draft, decision.lnum):find('%*%*Norco 10/325 mg #90:%*%* Overturned$') ~= nil
  end, function()
    return 'line reads ' .. line(draft, decision.lnum) .. '; menu offered: ' .. table.concat(offered, ' | ')
  end)
  wait_for('diagnostics without decision-value', function()
    return same(codes(draft, main), { 'conclusion-decision', 'credential-state', 'phi' })
  end, showing(draft, main))
  return string.format('picked the preferred of %d actions; line %d reads "%s"', #offered, decision.lnum + 1, line(draft, decision.lnum))
end)

check('fix-all (source.fixAll.imr) fixes every finding that has a fix', function()
  local before = vim.api.nvim_buf_get_changedtick(draft)
  choosing(function(items)
    for _, item in ipairs(items) do
      if item[2].kind == 'source.fixAll.imr' then
        return item
      end
    end
  end, function()
    vim.lsp.buf.code_action({ only = { 'source.fixAll.imr' }, diagnostics = {} })
  end)
  wait_for('the fixes in the buffer', function()
    return vim.api.nvim_buf_get_changedtick(draft) ~= before
  end)
  local state = line_matching(draft, 'State%(s%) of Licensure')
  expect(line(draft, state):find('California, Nevada', 1, true), 'state not corrected: ' .. line(draft, state))
  local call = line_matching(draft, 'reachable at')
  expect(not line(draft, call):find('916-555-0143', 1, true), 'phone number still there: ' .. line(draft, call))
  wait_for('only the finding without a fix (conclusion-decision) left', function()
    return same(codes(draft, main), { 'conclusion-decision' })
  end, showing(draft, main))
  return string.format('line %d reads "%s"', call + 1, vim.trim(line(draft, call)))
end)

check('hover on a decision word says what the decision means, and repeats no finding', function()
  local lnum, col = line_matching(draft, 'Upheld$')
  vim.api.nvim_win_set_cursor(0, { lnum + 1, col + #line(draft, lnum) - 7 })
  vim.lsp.buf.hover()
  wait_for('hover window', function()
    return #floating_windows() > 0
  end)
  local window = floating_windows()[1]
  local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(window), 0, -1, true), '\n')
  vim.api.nvim_win_close(window, true)
  expect(text:find('not medically necessary', 1, true), 'the hover does not explain "Upheld": ' .. text)
  -- Concise: Neovim shows the findings itself, so the hover never repeats their messages.
  for _, diagnostic in ipairs(vim.diagnostic.get(draft)) do
    expect(not text:find(diagnostic.message, 1, true), 'the hover repeats a finding: ' .. diagnostic.message)
  end
  return string.format('%d lines, "%s"', #vim.split(text, '\n'), vim.split(text, '\n')[1])
end)

check('document symbols list the sections and disputed items', function()
  vim.fn.setqflist({}, 'r', { title = '', items = {} })
  vim.lsp.buf.document_symbol()
  wait_for('the symbol list', function()
    return vim.fn.getqflist({ title = 1 }).title:find('^Symbols in') ~= nil
  end)
  local texts = {}
  for _, item in ipairs(vim.fn.getqflist()) do
    table.insert(texts, item.text)
  end
  vim.cmd('cclose')
  local wanted = {
    '[Namespace] HOW THE IMR FINAL DETERMINATION WAS MADE',
    '[Namespace] CLINICAL CASE SUMMARY',
    '[Namespace] IMR ISSUES, DECISIONS AND RATIONALES',
    '[Object] Norco 10/325 mg #90',
    '[Object] Lumbar Epidural Steroid Injection at Right L4-L5',
  }
  for _, text in ipairs(wanted) do
    expect(vim.tbl_contains(texts, text), 'missing ' .. text .. ' in: ' .. table.concat(texts, ' | '))
  end
  return string.format('%d symbols, items: %s', #texts, table.concat(vim.tbl_filter(function(text)
    return text:find('^%[Object%]') ~= nil
  end, texts), ', '))
end)

check('completion offers field labels with no command Neovim cannot run', function()
  local lnum = line_matching(draft, '^%*%*MAXIMUS guideline:%*%*')
  -- A new, empty paragraph in the first item, where a field label may start.
  vim.api.nvim_buf_set_lines(draft, lnum, lnum, true, { '', '' })
  local params = { textDocument = { uri = vim.uri_from_bufnr(draft) }, position = { line = lnum, character = 0 }, context = { triggerKind = 1 } }
  local responses = vim.lsp.buf_request_sync(draft, 'textDocument/completion', params, timeout)
  vim.api.nvim_buf_set_lines(draft, lnum, lnum + 2, true, {})
  local response = responses and responses[main]
  expect(response and response.result, 'no completion: ' .. vim.inspect(response and response.err))
  local labels, commands = {}, {}
  for _, item in ipairs(response.result.items or response.result) do
    table.insert(labels, item.label)
    if item.command then
      table.insert(commands, item.command.command)
    end
  end
  expect(vim.tbl_contains(labels, 'MAXIMUS guideline'), 'no field labels in: ' .. table.concat(labels, ', '))
  expect(#commands == 0, 'items carry commands: ' .. table.concat(commands, ', '))
  return string.format('%d items (%s), none with a command', #labels, table.concat(labels, ', '))
end)

check('edits change the findings', function()
  local lnum, col, text = line_matching(draft, 'Upheld$')
  -- The reviewer decides the rationale is right: Upheld becomes Overturned, and the contradiction goes.
  vim.api.nvim_buf_set_text(draft, lnum, col, lnum, #text, { 'Overturned' })
  wait_for('a clean draft', function()
    return #diagnostics(draft, main) == 0
  end, showing(draft, main))
  -- Then types a utilization review word over a decision.
  local norco, start, norco_text = line_matching(draft, 'Overturned$')
  vim.api.nvim_buf_set_text(draft, norco, start, norco, #norco_text, { 'Denied' })
  wait_for('decision-value on the edited line', function()
    local decision = find(draft, 'decision-value', main)
    return decision ~= nil and decision.lnum == norco
  end, showing(draft, main))
  return string.format('Upheld→Overturned cleared conclusion-decision; "Denied" on line %d brought decision-value', norco + 1)
end)

check('settings through workspace/configuration (a client that declares it)', function()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.workspace.configuration = true
  local client = start('imr-settings-capability', {
    capabilities = capabilities,
    settings = { imr = { rules = { ['credential-state'] = 'off', ['decision-value'] = 'warning' } } },
  })
  local buffer = open('settings-capability/' .. DRAFT, client)
  wait_for('decision-value as a warning and no credential-state', function()
    local decision = find(buffer, 'decision-value', client)
    return decision and decision.severity == vim.diagnostic.severity.WARN and not has(buffer, 'credential-state', client)
  end, showing(buffer, client))
  local found = table.concat(codes(buffer, client), ', ')
  local exit = stop(client, 'imr-settings-capability')
  expect(exit.code == 0, 'the server exited with status ' .. tostring(exit.code))
  return found .. ' (decision-value a warning, credential-state off)'
end)

check('settings through `settings`, sent with didChangeConfiguration as nvim-lspconfig sends them (no workspace/configuration)', function()
  local client = start('imr-settings', {
    settings = { imr = { rules = { ['credential-state'] = 'off' } } },
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  })
  local buffer = open('settings/' .. DRAFT, client)
  wait_for('diagnostics without credential-state', function()
    return has(buffer, 'decision-value', client) and not has(buffer, 'credential-state', client)
  end, showing(buffer, client))
  local found = table.concat(codes(buffer, client), ', ')
  stop(client, 'imr-settings')
  return found .. ' (credential-state off)'
end)

check('settings through initializationOptions', function()
  local client = start('imr-init-options', { init_options = { imr = { rules = { ['decision-value'] = 'warning' } } } })
  local buffer = open('init-options/' .. DRAFT, client)
  wait_for('decision-value as a warning', function()
    local decision = find(buffer, 'decision-value', client)
    return decision and decision.severity == vim.diagnostic.severity.WARN
  end, showing(buffer, client))
  local found = table.concat(codes(buffer, client), ', ')
  stop(client, 'imr-init-options')
  return found .. ' (decision-value a warning)'
end)

check('an .imrlintrc.json edit is picked up (the client does not watch files)', function()
  local buffer = open('config-edit/' .. DRAFT, main)
  wait_for('phi reported', function()
    return has(buffer, 'phi', main)
  end, showing(buffer, main))
  -- The reviewer turns the rule off in the folder's configuration file, writes it, and goes on typing.
  vim.cmd('split ' .. vim.fn.fnameescape(workspace .. '/config-edit/.imrlintrc.json'))
  vim.api.nvim_buf_set_lines(0, 0, -1, true, { '{', '  "rules": { "phi": "off" }', '}' })
  vim.cmd('write')
  vim.cmd('bwipeout')
  vim.api.nvim_set_current_buf(buffer)
  local lnum = line_matching(buffer, 'had returned to modified duty')
  vim.api.nvim_buf_set_lines(buffer, lnum + 1, lnum + 1, true, { 'She continued her home exercise program.' })
  wait_for('diagnostics without phi', function()
    return has(buffer, 'decision-value', main) and not has(buffer, 'phi', main)
  end, showing(buffer, main))
  return table.concat(codes(buffer, main), ', ') .. ' (phi off)'
end)

check("the README's Neovim 0.7 configuration, as written: settings, diagnostics, its fix-all mapping", function()
  local config = os.getenv('IMR_README_CONFIG')
  expect(config and vim.loop.fs_stat(config), 'IMR_README_CONFIG names no file')
  dofile(config)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/readme/' .. DRAFT))
  local buffer = vim.api.nvim_get_current_buf()
  local client
  wait_for('the README client attached to a Markdown buffer', function()
    for _, candidate in pairs(vim.lsp.buf_get_clients(buffer)) do
      if candidate.name == 'imr' then
        client = candidate
      end
    end
    return client ~= nil
  end)
  -- Its settings make phi an error (a warning by default).
  wait_for('phi as an error, as the README sets it', function()
    local phi = find(buffer, 'phi', client.id)
    return phi ~= nil and phi.severity == vim.diagnostic.severity.ERROR
  end, showing(buffer, client.id))
  local before = vim.api.nvim_buf_get_changedtick(buffer)
  choosing(function(items)
    return items[1]
  end, function()
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<leader>if', true, false, true), 'x', false)
  end)
  wait_for('the fixes of the mapping in the buffer', function()
    return vim.api.nvim_buf_get_changedtick(buffer) ~= before
  end)
  wait_for('only conclusion-decision left', function()
    return same(codes(buffer, client.id), { 'conclusion-decision' })
  end, showing(buffer, client.id))
  vim.api.nvim_clear_autocmds({ group = 'imr' })
  vim.lsp.stop_client(client.id)
  wait_for("the README's server to stop", function()
    return vim.lsp.get_client_by_id(client.id) == nil
  end)
  return 'phi an error; <leader>if fixed all but conclusion-decision'
end)

check('the server exits cleanly on shutdown', function()
  local exit = stop(main, 'imr')
  expect(exit.code == 0 and exit.signal == 0, string.format('exit status %s, signal %s', tostring(exit.code), tostring(exit.signal)))
  return 'status 0'
end)

-- Time to first diagnostics: fresh clients, each on a draft not yet open.
check(string.format('time from starting the client to the first diagnostics (%d fresh starts)', samples), function()
  local times = {}
  for sample = 1, samples do
    local name = 'imr-timing-' .. sample
    local started = now_ms()
    local client = start(name)
    local buffer = open(string.format('timing/%d/%s', sample, DRAFT), client)
    wait_for('diagnostics', function()
      return #diagnostics(buffer, client) > 0
    end)
    table.insert(times, now_ms() - started)
    stop(client, name)
    vim.cmd('bwipeout! ' .. buffer)
  end
  local sorted = vim.deepcopy(times)
  table.sort(sorted)
  local median = #sorted % 2 == 1 and sorted[(#sorted + 1) / 2] or (sorted[#sorted / 2] + sorted[#sorted / 2 + 1]) / 2
  local shown = vim.tbl_map(function(ms)
    return string.format('%.0f', ms)
  end, times)
  say(string.format('metric first-diagnostics-ms median=%.0f min=%.0f max=%.0f samples=%s', median, sorted[1], sorted[#sorted], table.concat(shown, ',')))
  return string.format('median %.0f ms (min %.0f, max %.0f)', median, sorted[1], sorted[#sorted])
end)

say(string.format('%d passed, %d failed', counts.passed, counts.failed))
vim.cmd(counts.failed == 0 and 'qall!' or 'cquit 1')
