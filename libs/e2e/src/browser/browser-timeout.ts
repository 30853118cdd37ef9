// A browser test drives a whole page (a server start, axe on a large grid): two minutes each.
jest.setTimeout(120_000);
