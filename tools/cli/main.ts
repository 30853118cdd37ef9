// `verify` loads only the audit library: it checks an export with no server, no database and no Nest.
const [command, ...rest] = process.argv.slice(2);
if (command === 'verify') void import('./verify').then(({ runVerify }) => runVerify(rest));
else void import('./commands');
