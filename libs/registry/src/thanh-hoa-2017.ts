import data from './data/thanh-hoa-2017.json';
import { AgencyRegistry, type RegistryFile } from './registry';

/** The agencies letter 4308/UBND-VX addresses, as they stood in February 2017. */
export const thanhHoa2017Registry = () => new AgencyRegistry(data as RegistryFile);
