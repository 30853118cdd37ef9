import 'reflect-metadata';
import { runServiceMain } from '@dm/standalone';

runServiceMain('progress-events');
