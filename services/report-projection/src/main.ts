import 'reflect-metadata';
import { runServiceMain } from '@dm/standalone';

runServiceMain('report-projection');
