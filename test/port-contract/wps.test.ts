/** The WorkbookPort contract on the WPS adapter (WPS double). */
import { describeContract } from './contract';
import { WPS } from './hosts';

describeContract(WPS);
