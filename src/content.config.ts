import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** A lecture deck a lesson follows, named in its "Sources" note. */
const source = z.object({
  /** The deck's title, as on its first slide. */
  deck: z.string().min(1),
  /** Who wrote it. */
  authors: z.string().min(1),
  /** Where it was taught (university, course code), if known. */
  where: z.string().optional(),
});

const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z.object({
    /** The lesson's title, shown on the course map and as the page's h1. */
    title: z.string().min(1),
    /** Position in the course, 1-based; prev/next follow it. */
    order: z.number().int().positive(),
    /** One or two sentences for the course map and search results. */
    summary: z.string().min(1),
    /** What a student can do after the lesson; at least two. */
    goals: z.array(z.string().min(1)).min(2),
    /** The decks the lesson follows, with their authors. */
    sources: z.array(source).min(1),
    /** Estimated reading time in minutes, widgets and exercises included. */
    minutes: z.number().int().positive(),
    /** Drafts are built in dev only. */
    draft: z.boolean().default(false),
  }),
});

export const collections = { lessons };
