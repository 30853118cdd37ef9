// Readiness probe used by up.sh. One attempt, exit code 0 when ready.
//   node ready.cjs kafka 127.0.0.1:9092          (metadata request via kafkajs)
//   node ready.cjs mongo mongodb://127.0.0.1:27017/  (ping via the mongodb driver)
// The drivers are resolved from the repository's node_modules.
'use strict';
const path = require('path');
const { createRequire } = require('module');

const req = createRequire(path.resolve(__dirname, '..', '..', 'package.json'));
const [what, target] = process.argv.slice(2);

async function kafka(brokers) {
  const { Kafka, logLevel } = req('kafkajs');
  const admin = new Kafka({
    clientId: 'local-ready',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (!cluster.brokers.length || cluster.controller == null) throw new Error('no controller yet');
    await admin.listTopics();
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function mongo(url) {
  const { MongoClient } = req('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1500 });
  try {
    const res = await client.db('admin').command({ ping: 1 });
    if (res.ok !== 1) throw new Error('ping not ok: ' + JSON.stringify(res));
  } finally {
    await client.close().catch(() => {});
  }
}

const probes = { kafka, mongo };
if (!probes[what] || !target) {
  console.error('usage: node ready.cjs kafka|mongo <address>');
  process.exit(2);
}
const timer = setTimeout(() => { console.error(`${what}: probe timed out`); process.exit(1); }, 5000);
probes[what](target).then(
  () => { clearTimeout(timer); process.exit(0); },
  (err) => { clearTimeout(timer); if (process.env.READY_VERBOSE) console.error(`${what}: ${err.message}`); process.exit(1); },
);
