import 'reflect-metadata';
import { runServiceMain } from '@dm/composition';

runServiceMain('task-assignment');
