// Preloaded (node --require) into the bundled server and CLI by network.test.ts: every way out to the
// network is recorded in $IMR_NETWORK_LOG and fails, so a test can show none was tried.
'use strict';
const fs = require('node:fs');

const log = process.env.IMR_NETWORK_LOG;
// Which processes carry the preload, so the test knows the checks were armed.
if (process.env.IMR_NETWORK_ARMED) fs.appendFileSync(process.env.IMR_NETWORK_ARMED, `${process.pid}\n`);

function attempt(what) {
  const line = `${process.pid} ${what} ${new Error().stack
    .split('\n')
    .slice(2, 5)
    .map((frame) => frame.trim())
    .join(' < ')}\n`;
  if (log) fs.appendFileSync(log, line);
  const error = new Error(`network access is disabled in this test (${what})`);
  error.code = 'EACCES';
  return error;
}

function refuse(target, name, what) {
  if (!target || typeof target[name] !== 'function') return;
  target[name] = function refused() {
    throw attempt(what);
  };
}

const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const http2 = require('node:http2');
const dgram = require('node:dgram');

refuse(net.Socket.prototype, 'connect', 'net.Socket#connect');
refuse(net, 'connect', 'net.connect');
refuse(net, 'createConnection', 'net.createConnection');
refuse(net.Server.prototype, 'listen', 'net.Server#listen');
refuse(tls, 'connect', 'tls.connect');
for (const name of [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveMx',
  'resolveNs',
  'resolveTxt',
  'resolveSrv',
  'reverse',
]) {
  refuse(dns, name, `dns.${name}`);
  refuse(dns.promises, name, `dns.promises.${name}`);
}
refuse(dns.Resolver && dns.Resolver.prototype, 'resolve', 'dns.Resolver#resolve');
refuse(http, 'request', 'http.request');
refuse(http, 'get', 'http.get');
refuse(https, 'request', 'https.request');
refuse(https, 'get', 'https.get');
refuse(http2, 'connect', 'http2.connect');
refuse(dgram, 'createSocket', 'dgram.createSocket');
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function refusedFetch() {
    return Promise.reject(attempt('fetch'));
  };
}
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function RefusedWebSocket() {
    throw attempt('WebSocket');
  };
}
