-- What the Neovim suite is made of: checks that print one line each, waits with a timeout, clients started
-- as a user's configuration starts them, diagnostics by rule id, and the code action menu answered as a user would.
-- dofile(...)({ server =, workspace =, timeout = }) returns the helpers.
return function(options)
  local server, workspace, timeout = options.server, options.workspace, options.timeout

  local counts = { passed = 0, failed = 0 }

  local function say(line)
    io.stdout:write(line .. '\n')
    io.stdout:flush()
  end

  local function now_ms()
    return vim.loop.hrtime() / 1e6
  end

  --- Waits (never longer than the timeout) until `predicate` holds; fails with what was awaited and, if given, what was seen.
  local function wait_for(what, predicate, seen)
    if not vim.wait(timeout, predicate, 10) then
      error(string.format('no %s within %d ms%s', what, timeout, seen and ('; ' .. seen()) or ''), 0)
    end
  end

  local function expect(condition, message)
    if not condition then
      error(message, 0)
    end
  end

  local function check(name, body)
    local ok, detail = pcall(body)
    if ok then
      counts.passed = counts.passed + 1
      say('ok   ' .. name .. (detail and (': ' .. detail) or ''))
    else
      counts.failed = counts.failed + 1
      say('FAIL ' .. name .. ': ' .. tostring(detail))
    end
  end

  -- Clients ------------------------------------------------------------------------------------------------

  local exits = {}

  --- Starts a client on the installed server, as a user's configuration would (Neovim 0.7: vim.lsp.start_client).
  local function start(name, config)
    local id = vim.lsp.start_client(vim.tbl_extend('force', {
      name = name,
      cmd = { server },
      root_dir = workspace,
      on_exit = function(code, signal)
        exits[name] = { code = code, signal = signal }
      end,
    }, config or {}))
    expect(id, 'vim.lsp.start_client refused to start ' .. server)
    return id
  end

  local function stop(id, name)
    vim.lsp.stop_client(id)
    wait_for(name .. ' server to exit after shutdown', function()
      return exits[name] ~= nil
    end)
    return exits[name]
  end

  --- Opens a draft of the workspace and attaches the client to it.
  local function open(relative, client)
    vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative))
    local buffer = vim.api.nvim_get_current_buf()
    expect(vim.lsp.buf_attach_client(buffer, client), 'could not attach the client to ' .. relative)
    return buffer
  end

  -- Diagnostics --------------------------------------------------------------------------------------------

  local function diagnostics(buffer, client)
    return vim.diagnostic.get(buffer, client and { namespace = vim.lsp.diagnostic.get_namespace(client) } or nil)
  end

  local function codes(buffer, client)
    local list = {}
    for _, diagnostic in ipairs(diagnostics(buffer, client)) do
      table.insert(list, diagnostic.code)
    end
    table.sort(list)
    return list
  end

  local function has(buffer, code, client)
    return vim.tbl_contains(codes(buffer, client), code)
  end

  local function find(buffer, code, client)
    for _, diagnostic in ipairs(diagnostics(buffer, client)) do
      if diagnostic.code == code then
        return diagnostic
      end
    end
  end

  local function showing(buffer, client)
    return function()
      return 'diagnostics: ' .. (#codes(buffer, client) > 0 and table.concat(codes(buffer, client), ', ') or 'none')
    end
  end

  local function same(list, wanted)
    return table.concat(list, ',') == table.concat(wanted, ',')
  end

  -- Buffers and the editor's UI ------------------------------------------------------------------------------

  local function line(buffer, lnum)
    return vim.api.nvim_buf_get_lines(buffer, lnum, lnum + 1, true)[1]
  end

  local function line_matching(buffer, pattern)
    for index, text in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, true)) do
      local start = text:find(pattern)
      if start then
        return index - 1, start - 1, text
      end
    end
    error('no line matches ' .. pattern, 0)
  end

  -- A menu nobody answers would block a headless editor: menus are answered by the check that expects one.
  local answer
  vim.ui.select = function(items, options, on_choice)
    local respond = answer
    answer = nil
    if not respond then
      say('     (a menu nobody expected: ' .. tostring(options.prompt) .. ')')
      return on_choice(nil)
    end
    respond(items, options, on_choice)
  end

  --- Runs `action`, then answers the code action menu it opens with `choose` (the user picking an entry); returns the entries offered.
  local function choosing(choose, action)
    local offered
    answer = function(items, options, on_choice)
      offered = {}
      for _, item in ipairs(items) do
        table.insert(offered, (options.format_item and options.format_item(item)) or tostring(item))
      end
      on_choice(choose(items))
    end
    action()
    wait_for('code action menu', function()
      return offered ~= nil
    end)
    return offered
  end

  local function floating_windows()
    local found = {}
    for _, window in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(window).relative ~= '' then
        table.insert(found, window)
      end
    end
    return found
  end

  return {
    counts = counts,
    say = say,
    now_ms = now_ms,
    wait_for = wait_for,
    expect = expect,
    check = check,
    start = start,
    stop = stop,
    open = open,
    diagnostics = diagnostics,
    codes = codes,
    has = has,
    find = find,
    showing = showing,
    same = same,
    line = line,
    line_matching = line_matching,
    choosing = choosing,
    floating_windows = floating_windows,
  }
end
