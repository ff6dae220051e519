import { describe, expect, it } from 'vitest';
import { recogniseImportSource } from './source-url.js';

describe('recogniseImportSource', () => {
  it('reads the design id of a Canva editor, view and share address', () => {
    for (const address of [
      'https://www.canva.com/design/DAFVztcvd9z/edit',
      'https://www.canva.com/design/DAFVztcvd9z/xYz_share-Token/view?utm_content=DAFVztcvd9z&utm_medium=link',
      'https://canva.com/design/DAFVztcvd9z/abc/watch#page=2',
      'https://www.canva.com/design/DAFVztcvd9z',
    ]) {
      expect(recogniseImportSource(address), address).toEqual({ provider: 'canva', designId: 'DAFVztcvd9z' });
    }
  });

  it('reads the file id of a Drive file page, an open link and a download link', () => {
    for (const address of [
      'https://drive.google.com/file/d/1AbC-dEf_9876543210/view?usp=sharing',
      'https://drive.google.com/file/u/1/d/1AbC-dEf_9876543210/edit',
      'https://drive.google.com/open?id=1AbC-dEf_9876543210',
      'https://drive.google.com/uc?export=download&id=1AbC-dEf_9876543210',
    ]) {
      expect(recogniseImportSource(address), address).toEqual({ provider: 'google_drive', fileId: '1AbC-dEf_9876543210', editor: null });
    }
  });

  it('knows which Google editor a Docs, Sheets, Slides or Drawings address is', () => {
    expect(recogniseImportSource('https://docs.google.com/document/d/1docId_123/edit#heading=h.1')).toEqual({ provider: 'google_drive', fileId: '1docId_123', editor: 'document' });
    expect(recogniseImportSource('https://docs.google.com/spreadsheets/u/0/d/1sheetId-45/edit')).toEqual({ provider: 'google_drive', fileId: '1sheetId-45', editor: 'spreadsheets' });
    expect(recogniseImportSource('https://docs.google.com/presentation/d/1slides_678/present')).toEqual({ provider: 'google_drive', fileId: '1slides_678', editor: 'presentation' });
    expect(recogniseImportSource('https://docs.google.com/drawings/d/1drawing_90')).toEqual({ provider: 'google_drive', fileId: '1drawing_90', editor: 'drawings' });
  });

  it('ignores other pages of the same vendors, look-alike hosts, plain http and odd ids', () => {
    for (const address of [
      'https://www.canva.com/templates/',
      'https://www.canva.com/design/',
      'https://drive.google.com/drive/folders/1Folder_Id123',
      'https://drive.google.com/open?id=../../etc',
      'https://docs.google.com/forms/d/1formId_123/edit',
      'https://www.canva.com.evil.example/design/DAFVztcvd9z/edit',
      'https://evil.example/www.canva.com/design/DAFVztcvd9z/edit',
      'https://user@www.canva.com/design/DAFVztcvd9z/edit',
      'http://www.canva.com/design/DAFVztcvd9z/edit',
      'https://www.canva.com/design/DA%2F..%2F/edit',
      'not an address',
      '',
    ]) {
      expect(recogniseImportSource(address), address).toBeNull();
    }
  });
});
