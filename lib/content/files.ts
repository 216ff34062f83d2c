import { z } from 'zod';
import {
  actueelSchema,
  documentSchema,
  faseSchema,
  financieringsbronSchema,
  financieringsvormSchema,
  gesprekspartnerSchema,
  interventieSchema,
  knelpuntSchema,
  kostensoortSchema,
  niveauSchema,
  paginaSchema,
  siteTekstSchema,
  taakSchema,
  voorbeeldSchema,
  vraagSchema,
  tekstSchema,
  wetSchema,
} from './schema';

/** Each file in content/ and the schema of one item in it. Each file is a YAML list. */
export const contentFiles = {
  documenten: { file: 'documenten.yaml', item: documentSchema },
  vragen: { file: 'vragen.yaml', item: vraagSchema },
  wetten: { file: 'wetten.yaml', item: wetSchema },
  niveaus: { file: 'niveaus.yaml', item: niveauSchema },
  fasen: { file: 'fasen.yaml', item: faseSchema },
  taken: { file: 'taken.yaml', item: taakSchema },
  gesprekspartners: { file: 'gesprekspartners.yaml', item: gesprekspartnerSchema },
  kostensoorten: { file: 'kostensoorten.yaml', item: kostensoortSchema },
  financieringsvormen: { file: 'financieringsvormen.yaml', item: financieringsvormSchema },
  financieringsbronnen: { file: 'financieringsbronnen.yaml', item: financieringsbronSchema },
  interventies: { file: 'interventies.yaml', item: interventieSchema },
  knelpunten: { file: 'knelpunten.yaml', item: knelpuntSchema },
  voorbeelden: { file: 'voorbeelden.yaml', item: voorbeeldSchema },
  actueel: { file: 'actueel.yaml', item: actueelSchema },
  teksten: { file: 'teksten.yaml', item: tekstSchema },
  paginas: { file: 'paginas.yaml', item: paginaSchema },
  site: { file: 'site.yaml', item: siteTekstSchema },
} as const;

export type CollectionName = keyof typeof contentFiles;

/** The parsed content: every collection as a list, in file order. */
export type RawContent = {
  [K in CollectionName]: z.infer<(typeof contentFiles)[K]['item']>[];
};
