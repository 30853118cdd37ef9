import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '@dm/testing';
import type { UserRole } from '@dm/contracts';
import { startEmbedded, type EmbeddedOptions, type EmbeddedServer } from '@dm/composition';

/** An embedded system on a fresh data directory, and clients for each kind of user. */
export class EmbeddedFixture {
  server!: EmbeddedServer;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'dm-e2e-'));

  /** `edge`: limits other than the defaults (docs/security.md, "Limits and headers"), for a spec that needs them. */
  async start(options: Pick<EmbeddedOptions, 'edge'> = {}) {
    this.server = await startEmbedded({ dataDir: this.dataDir, logger: false, ...options });
    return this;
  }

  client(sub: string, role: UserRole, agencyId: string | null): ApiClient {
    return new ApiClient(this.server.url, this.server.runtime.tokens.sign({ sub, agencyId, roles: [role] }));
  }

  monitoring(agencyId = 'so-ldtbxh') {
    return this.client(`mo-${agencyId}`, 'monitoring_officer', agencyId);
  }

  officer(agencyId: string) {
    return this.client(`ao-${agencyId}`, 'agency_officer', agencyId);
  }

  inspector() {
    return this.client('inspector-1', 'inspector', 'thanh-tra-tinh');
  }

  anonymous() {
    return new ApiClient(this.server.url);
  }

  async stop() {
    await this.server?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
