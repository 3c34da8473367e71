/** The WorkbookPort contract on the Office.js adapter (Excel double). */
import { describeContract } from './contract';
import { OFFICE } from './hosts';

describeContract(OFFICE);
