package io.portico.plugins.attachments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** NetSuite's attachments as a test arranges them, counting the calls made. */
final class FakeSource implements AttachmentSource {

    final Map<Long, List<AttachedFile>> attached = new LinkedHashMap<>();
    final Map<Long, byte[]> contents = new HashMap<>();
    final Map<Long, FileInfo> infos = new HashMap<>();
    final Set<Long> unreadable = new HashSet<>();
    final List<Long> reads = new ArrayList<>();
    final List<String> listedTypes = new ArrayList<>();
    final List<Long> listedIds = new ArrayList<>();
    RuntimeException listFailure;

    /** Attaches a file to a record, with its content and a last-modified time. */
    FakeSource attach(long record, long file, String name, String fileType, byte[] content, String lastModified) {
        attached.computeIfAbsent(record, r -> new ArrayList<>()).add(new AttachedFile(record, file, name, fileType));
        contents.put(file, content);
        infos.put(file, new FileInfo(file, (long) content.length, lastModified));
        return this;
    }

    void detachAll(long record) {
        attached.remove(record);
    }

    @Override
    public List<AttachedFile> attachments(String recordType, List<Long> recordIds) {
        if (listFailure != null) {
            throw listFailure;
        }
        listedTypes.add(recordType);
        listedIds.addAll(recordIds);
        List<AttachedFile> out = new ArrayList<>();
        for (long id : recordIds) {
            out.addAll(attached.getOrDefault(id, List.of()));
        }
        return out;
    }

    @Override
    public Map<Long, FileInfo> describe(List<Long> fileIds) {
        Map<Long, FileInfo> out = new HashMap<>();
        for (long id : fileIds) {
            if (infos.containsKey(id)) {
                out.put(id, infos.get(id));
            }
        }
        return out;
    }

    @Override
    public FileContent read(long fileId) {
        reads.add(fileId);
        if (unreadable.contains(fileId)) {
            throw new AttachmentSourceException("the file RESTlet failed: RCRD_DSNT_EXIST: That record does not exist.");
        }
        return new FileContent("f" + fileId, "PDF", contents.get(fileId));
    }
}
