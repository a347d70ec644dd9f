// `interdict ingest FILE…`: documents (PDF, HTML, DOCX, text) into the store, then their mentions.
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { SourceError } from '../../model/errors.ts';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('ingest documents (PDF, HTML, DOCX, plain text): original bytes by SHA-256, text with pages, paragraphs and offsets, then the entities they mention')
    .argument('<files...>', 'the files')
    .option('--title <title>', 'the title (one file)')
    .option('--publisher <publisher>', 'the publisher')
    .option('--published <date>', 'the publication date (YYYY[-MM[-DD]])')
    .option('--url <url>', 'where the document was published')
    .option('--no-mentions', 'do not look for mentions')
    .option('--json', 'print JSON')
    .action(async (files: string[], o: { title?: string; publisher?: string; published?: string; url?: string; mentions: boolean; json?: boolean }) => {
      const { DEFAULT_LIMITS } = await import('../../documents/extract.ts');
      const { DocumentService } = await import('../../documents/service.ts');
      const { ScreeningService } = await import('../../screening/service.ts');
      const { downstreamReader } = await import('../../resolve/service.ts');
      const { snapshotDirFor } = await import('../../graph/snapshot.ts');
      const maxBytes = ctx.config.documentMaxBytes ?? DEFAULT_LIMITS.maxBytes;
      // Every file is read and checked before anything is written.
      const inputs = files.map((file) => {
        let size: number;
        try {
          size = statSync(file).size;
        } catch {
          throw new SourceError(file, 'no such file');
        }
        if (size > maxBytes) throw new SourceError(file, `the file is ${size} bytes, over the limit of ${maxBytes} (INTERDICT_DOCUMENT_MAX_BYTES)`);
        return { file, bytes: readFileSync(file) };
      });
      const store = await ctx.store();
      // Mentions link targets (canonical ids), as the server's screening finds them: with the index the
      // server (or the last ingest) saved for the live versions and judgements, read back, not built.
      const reader = downstreamReader(store);
      const screening = new ScreeningService(reader, { snapshotDir: snapshotDirFor(ctx.config) });
      const documents = new DocumentService(store, () => screening.screener(), { ...DEFAULT_LIMITS, maxBytes }, reader);
      const report = [];
      const results = await documents.ingestMany(
        inputs.map(({ file, bytes }) => ({
          bytes,
          fileName: file,
          author: ctx.config.cliAuthor,
          metadata: { title: files.length === 1 ? o.title : undefined, publisher: o.publisher, publishedAt: o.published, url: o.url },
        })),
      );
      for (const [i, result] of results.entries()) {
        const { file } = inputs[i];
        for (const w of result.warnings) ctx.err(`warning: ${w}`);
        let mentions: number | null = null;
        if (o.mentions && result.document.text_layer === 'text') {
          const job = await documents.waitFor((await documents.startMentions(result.document.id)).id);
          if (job.status === 'failed') throw new Error(`${file}: mention finding failed: ${job.error}`);
          mentions = job.mentions;
        }
        const d = result.document;
        report.push({ file, id: d.id, created: result.created, mediaType: d.media_type, title: d.title, pages: d.page_count, paragraphs: result.paragraphs, textLayer: d.text_layer, mentions });
        if (!o.json) {
          ctx.out(`${file}: ${result.created ? 'ingested' : 'already there'} as ${d.id} (${d.media_type}, ${d.page_count} page(s), ${result.paragraphs} paragraph(s)${mentions !== null ? `, ${mentions} mention(s)` : ''})${d.title ? `: ${d.title}` : ''}`);
        }
      }
      if (o.json) ctx.out(JSON.stringify(report, null, 2));
      await screening.close();
    });
}
