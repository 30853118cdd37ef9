// Every e2e server starts without the urging scheduler, so no spec's event counts move under it;
// the specs of reminders run it on purpose (POST /api/v1/admin/urging/run, or URGING=on).
process.env.URGING ??= 'off';
