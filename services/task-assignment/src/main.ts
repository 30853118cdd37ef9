import 'reflect-metadata';
import { runServiceMain } from '@dm/standalone';

runServiceMain('task-assignment');
