import { z } from '../util/zod';
import { VENUES } from './venue';

export const VenueSchema = z.enum(VENUES);
